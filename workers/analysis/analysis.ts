// The analysis worker's implementation: one file in, one outcome out. A file that cannot be
// decoded or measured becomes { ok: false, error } (house rule 3); this function never throws.
import * as Comlink from 'comlink';
import type { AnalysisApi, AnalysisOutcome, AnalysisRequest, PcmAnalysisRequest } from './api';
import { openAudio } from './decode';
import { DecodeFailure, type PcmStream } from './decode/types';
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
      return await measure(trackId, opened.stream, essentia);
    } catch (e) {
      if (e instanceof DecodeFailure) return { ok: false, trackId, error: `${path}: ${e.message}`, stage: 'decode' };
      return { ok: false, trackId, error: `${path}: analysis failed: ${messageOf(e)}`, stage: 'analysis' };
    }
  },

  async analysePcm({ trackId, path, sampleRateHz, channels }: PcmAnalysisRequest): Promise<AnalysisOutcome> {
    try {
      return await measure(trackId, pcmSlices(sampleRateHz, channels), await loadEssentia());
    } catch (e) {
      return { ok: false, trackId, error: `${path}: analysis failed: ${messageOf(e)}`, stage: 'analysis' };
    }
  },
} satisfies AnalysisApi;

async function measure(trackId: string, stream: PcmStream, essentia: Awaited<ReturnType<typeof loadEssentia>>): Promise<AnalysisOutcome> {
  const measured = await extract(stream, essentia);
  const outcome: AnalysisOutcome = { ok: true, trackId, result: { analyser: ANALYSER, analyserVersion: ANALYSER_VERSION, ...measured } };
  // House rule 2: the waveform bytes move to the caller's thread instead of being copied.
  return Comlink.transfer(outcome, [measured.waveform.buffer]);
}

/** Decoded audio as the decoders' stream of a few seconds per chunk, so every feature sees the same input. */
async function* pcmSlices(sampleRateHz: number, channels: Float32Array[]): PcmStream {
  const frames = channels[0]?.length ?? 0;
  const step = 1 << 17;
  for (let at = 0; at < frames; at += step) {
    yield { sampleRateHz, channels: channels.map((c) => c.subarray(at, Math.min(frames, at + step))) };
  }
}
