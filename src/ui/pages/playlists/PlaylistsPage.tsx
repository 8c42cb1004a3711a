// Playlists: not built yet; says so plainly and points to what works today.
import { A } from '@solidjs/router';

export default function PlaylistsPage() {
  return (
    <section>
      <h1>Playlists</h1>
      <p class="card">Harmonic playlists, smart playlists and M3U export appear here once tracks are analysed. This page is not available in this version yet. Meanwhile, the <A href="/catalog">catalog</A> and the <A href="/sql">SQL explorer</A> show everything the lakehouse holds.</p>
    </section>
  );
}
