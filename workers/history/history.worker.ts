import * as Comlink from 'comlink';
import { history } from './history';
Comlink.expose(history);
