// Routes of ../shared/CONTRACT.md; pages load on demand so the shell stays small.
import { Route, Router } from '@solidjs/router';
import { lazy } from 'solid-js';
import { AppShell } from '../ui/components/AppShell';
import { LakehouseProvider } from './lakehouse-store';

const LibraryPage = lazy(() => import('../ui/pages/library/LibraryPage'));
const TrackPage = lazy(() => import('../ui/pages/track/TrackPage'));
const PipelinePage = lazy(() => import('../ui/pages/pipeline/PipelinePage'));
const QualityPage = lazy(() => import('../ui/pages/quality/QualityPage'));
const LineagePage = lazy(() => import('../ui/pages/lineage/LineagePage'));
const CatalogPage = lazy(() => import('../ui/pages/catalog/CatalogPage'));
const DashboardsPage = lazy(() => import('../ui/pages/dashboards/DashboardsPage'));
const PlaylistsPage = lazy(() => import('../ui/pages/playlists/PlaylistsPage'));
const SqlPage = lazy(() => import('../ui/pages/sql/SqlPage'));
const SettingsPage = lazy(() => import('../ui/pages/settings/SettingsPage'));
const NotFound = lazy(() => import('../ui/pages/NotFound'));

export function App() {
  return (
    <LakehouseProvider>
      <Router root={AppShell}>
        <Route path="/" component={LibraryPage} />
        <Route path="/track/:id" component={TrackPage} />
        <Route path="/pipeline" component={PipelinePage} />
        <Route path="/quality" component={QualityPage} />
        <Route path="/lineage" component={LineagePage} />
        <Route path="/catalog" component={CatalogPage} />
        <Route path="/dashboards/:tab?" component={DashboardsPage} />
        <Route path="/playlists" component={PlaylistsPage} />
        <Route path="/sql" component={SqlPage} />
        <Route path="/settings" component={SettingsPage} />
        <Route path="*" component={NotFound} />
      </Router>
    </LakehouseProvider>
  );
}
