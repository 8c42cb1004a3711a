// The deliberate fallback for audio no worker decoder reads (ALAC, or a codec WebCodecs lacks):
// the browser's own decoder, which only exists on the page (workers have no AudioContext). It
// needs the whole file in memory, so it is used only when the workers failed, and only up to a size.
const MAX_BYTES = 256 * 1024 * 1024;

export interface DecodedAudio {
  sampleRateHz: number;
  channels: Float32Array[];
}

export async function decodeWithBrowser(file: Blob): Promise<DecodedAudio | null> {
  if (typeof OfflineAudioContext === 'undefined' || file.size === 0 || file.size > MAX_BYTES) return null;
  try {
    // The context's rate is only a default: decodeAudioData resamples to it, so pick the common one.
    const context = new OfflineAudioContext(1, 1, 44_100);
    const buffer = await context.decodeAudioData(await file.arrayBuffer());
    if (buffer.length === 0) return null;
    // Copies, because the AudioBuffer's own arrays cannot be transferred to the worker.
    return { sampleRateHz: buffer.sampleRate, channels: Array.from({ length: buffer.numberOfChannels }, (_, i) => buffer.getChannelData(i).slice()) };
  } catch {
    return null;
  }
}
