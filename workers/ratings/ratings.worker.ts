import * as Comlink from 'comlink';
import { ratings } from './ratings';
Comlink.expose(ratings);
