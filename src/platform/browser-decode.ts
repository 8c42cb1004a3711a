// The deliberate fallback for audio no worker decoder reads (ALAC, or a codec WebCodecs lacks):
// the browser's own decoder, which only exists on the page (workers have no AudioContext). It
// needs the whole file in memory, so it is used only when the workers failed, and only up to a size.
const MAX_BYTES = 256 * 1024 * 1024;

export interface DecodedAudio {
  sampleRateHz: number;
  channels: Float32Array[];
}

export async function decodeWithBrowser(file: Blob, timeoutMs: number): Promise<DecodedAudio | null> {
  if (typeof OfflineAudioContext === 'undefined' || file.size === 0 || file.size > MAX_BYTES) return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    // The context's rate is only a default: decodeAudioData resamples to it, so pick the common one.
    const context = new OfflineAudioContext(1, 1, 44_100);
    // decodeAudioData cannot be cancelled; past the budget the run stops waiting for it.
    const budget = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), timeoutMs)));
    const buffer = await Promise.race([context.decodeAudioData(await file.arrayBuffer()), budget]);
    if (buffer.length === 0) return null;
    // Copies, because the AudioBuffer's own arrays cannot be transferred to the worker.
    return { sampleRateHz: buffer.sampleRate, channels: Array.from({ length: buffer.numberOfChannels }, (_, i) => buffer.getChannelData(i).slice()) };
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
