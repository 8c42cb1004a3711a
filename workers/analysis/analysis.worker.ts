import * as Comlink from 'comlink';
import { analysis } from './analysis';
Comlink.expose(analysis);
