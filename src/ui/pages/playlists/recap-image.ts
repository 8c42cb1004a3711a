// The recap as a shareable PNG, drawn on a canvas in the browser with the system's sans-serif
// (no web fonts: nothing is fetched, and the image looks the same offline).
import type { Recap } from '../../../domain/playlist-recap';

export async function recapPng(r: Recap, period: string): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = 1080;
  canvas.height = 1350;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('This browser cannot draw the recap image (no 2D canvas).');
  const grad = g.createLinearGradient(0, 0, 1080, 1350);
  grad.addColorStop(0, '#1d2671');
  grad.addColorStop(1, '#c33764');
  g.fillStyle = grad;
  g.fillRect(0, 0, 1080, 1350);
  g.fillStyle = '#fff';
  let y = 110;
  const line = (text: string, size: number, weight = 400, gap = 1.5) => {
    g.font = `${weight} ${size}px system-ui, sans-serif`;
    g.fillText(text.length > 48 ? `${text.slice(0, 47)}…` : text, 80, y);
    y += size * gap;
  };
  line(`Wolfie recap · ${period}`, 44, 700);
  line(`${r.minutes.toLocaleString()} minutes · ${r.listens.toLocaleString()} plays`, 56, 800, 1.8);
  line(r.personality.name, 60, 800, 1.1);
  line(r.personality.why, 28, 400, 2);
  const block = (title: string, items: { name: string; count: number }[]) => {
    if (!items.length) return;
    line(title, 34, 700, 1.4);
    items.slice(0, 5).forEach((it, i) => line(`${i + 1}. ${it.name} (${it.count})`, 28, 400, 1.35));
    y += 20;
  };
  block('Top artists', r.topArtists);
  block('Top tracks', r.topTracks);
  block('Top genres', r.topGenres);
  const keys = r.topKeys.map((k) => k.name).join(', ');
  if (keys || r.medianBpm) line(`Favourite keys: ${keys || '—'} · typical tempo ${r.medianBpm ?? '—'} BPM`, 28, 600);
  if (r.discoveries.length) line(`Discoveries: ${r.discoveries.slice(0, 3).map((d) => d.name).join(', ')}`, 28, 600);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The recap image could not be encoded.'))), 'image/png'));
}
