// Playlists and intelligence: the harmonic generator (with M3U/CSV export), the playlists saved
// from it, smart playlists, recommendations and rating prediction with their evaluations, and the recap.
import { Generator } from './Generator';
import { Insights } from './Insights';
import { RecapView } from './RecapView';
import { SavedPlaylists } from './SavedPlaylists';
import { SmartPlaylists } from './SmartPlaylists';

export default function PlaylistsPage() {
  return (
    <section style={{ display: 'grid', gap: 'var(--space-4)' }}>
      <h1>Playlists</h1>
      <Generator />
      <SavedPlaylists />
      <SmartPlaylists />
      <Insights />
      <RecapView />
    </section>
  );
}
