// The analysis worker's implementation: one file in, one outcome out. A file that cannot be
// decoded or measured becomes { ok: false, error } (house rule 3); this function never throws.
import * as Comlink from 'comlink';
import type { AnalysisApi, AnalysisOutcome, AnalysisRequest } from './api';
import { openAudio } from './decode';
import { DecodeFailure } from './decode/types';
import { messageOf } from './decode/wasm';
import { loadEssentia } from './essentia/loader';
import { ANALYSER, ANALYSER_VERSION, extract } from './extract';

export { ANALYSER, ANALYSER_VERSION } from './extract';

export const analysis = {
  async describe() {
    return { analyser: ANALYSER, analyserVersion: ANALYSER_VERSION };
  },

  async analyse(request: AnalysisRequest): Promise<AnalysisOutcome> {
    const { trackId, path, file } = request;
    try {
      const [essentia, opened] = await Promise.all([loadEssentia(), openAudio(file)]);
      const measured = await extract(opened.stream, essentia);
      const outcome: AnalysisOutcome = { ok: true, trackId, result: { analyser: ANALYSER, analyserVersion: ANALYSER_VERSION, ...measured } };
      // House rule 2: the waveform bytes move to the caller's thread instead of being copied.
      return Comlink.transfer(outcome, [measured.waveform.buffer]);
    } catch (e) {
      const reason = e instanceof DecodeFailure ? e.message : `analysis failed: ${messageOf(e)}`;
      return { ok: false, trackId, error: `${path}: ${reason}` };
    }
  },
} satisfies AnalysisApi;
