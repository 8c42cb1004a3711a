// Property tests run with one fixed seed by default, so a run of `npm test` (and CI) is
// reproducible: a failure names its seed and fails the same way again. Explore new inputs with
// FC_SEED=random (or any number) when working on parsers.
import fc from 'fast-check';

const requested = process.env.FC_SEED;
const seed = requested === 'random' ? Date.now() ^ (Math.random() * 0x7fffffff) : Number(requested ?? 20_261_124);
fc.configureGlobal({ seed });
