import * as Comlink from 'comlink';
import { historyLoad } from './history-load';
Comlink.expose(historyLoad);
