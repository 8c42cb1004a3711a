import * as Comlink from 'comlink';
import { ingest } from './ingest';
Comlink.expose(ingest);
