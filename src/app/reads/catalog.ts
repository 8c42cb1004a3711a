// /catalog's read: every table with its row count, size and columns, so any change can move it.
import { catalog as catalogOf } from '../../lakehouse/queries/observability';
import { defineRead } from '../live/read';

export const catalog = defineRead(['*'], catalogOf);
