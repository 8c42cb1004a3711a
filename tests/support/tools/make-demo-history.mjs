// Writes public/demo/history/StreamingHistory_music_0.json: a small, deterministic listening
// history in Spotify's account-data format for the demo library (three of its tracks carry the
// artist/title tags that matching needs; the other plays show up as "listened elsewhere").
//   node tests/support/tools/make-demo-history.mjs
import { writeFileSync } from 'node:fs';

const TRACKS = [
  { artistName: 'Kevin MacLeod', trackName: 'Vibe Ace', ms: 151_000, weight: 9 },
  { artistName: 'Kevin MacLeod', trackName: 'P. I. Tchaikovsky: Dance of the Sugar Plum Fairy', ms: 160_000, weight: 5 },
  { artistName: 'The U.S. Army Strings', trackName: 'Hungarian Dance No. 5', ms: 140_000, weight: 4 },
  { artistName: 'Admiral Bob', trackName: 'Choice', ms: 180_000, weight: 3 },
  { artistName: 'Lena Orsa', trackName: 'Pistachio Ice Cream Ragtime', ms: 120_000, weight: 2 },
];

let seed = 20261123;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = () => {
  const total = TRACKS.reduce((n, t) => n + t.weight, 0);
  let r = random() * total;
  return TRACKS.find((t) => (r -= t.weight) < 0) ?? TRACKS[0];
};
const pad = (n) => String(n).padStart(2, '0');

const rows = [];
const end = Date.UTC(2026, 10, 20);
for (let day = 120; day >= 1; day--) {
  const plays = Math.floor(random() * 5); // 0-4 plays a day, some days none
  for (let i = 0; i < plays; i++) {
    const t = pick();
    const at = new Date(end - day * 86_400_000 + (8 + Math.floor(random() * 14)) * 3_600_000 + Math.floor(random() * 60) * 60_000);
    const skipped = random() < 0.15;
    rows.push({
      endTime: `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`,
      artistName: t.artistName,
      trackName: t.trackName,
      msPlayed: skipped ? 4_000 + Math.floor(random() * 20_000) : t.ms,
    });
  }
}
rows.sort((a, b) => a.endTime.localeCompare(b.endTime));
writeFileSync('public/demo/history/StreamingHistory_music_0.json', `${JSON.stringify(rows, null, 1)}\n`);
console.log(`${rows.length} demo plays written`);
