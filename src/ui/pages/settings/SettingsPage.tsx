// Settings: storage, backup and restore, listening-history imports, removed tracks, artist credits, the audit log, reset, privacy.
import { HistoryImportSection } from '../../components/HistoryImport';
import { ArtistSeparatorsSection } from './ArtistSeparatorsSection';
import { AuditSection } from './AuditSection';
import { BackupSection } from './BackupSection';
import { RemovedTracksSection } from './RemovedTracksSection';
import { ResetSection } from './ResetSection';
import { StorageSection } from './StorageSection';
import './settings.css';

export default function SettingsPage() {
  return (
    <section>
      <h1>Settings</h1>
      <StorageSection />
      <BackupSection />
      <HistoryImportSection />
      <RemovedTracksSection />
      <ArtistSeparatorsSection />
      <AuditSection />
      <h2>Privacy</h2>
      <p class="card">Wolfie makes no request to any other server. Your files are read in this browser and never uploaded; there is no account, no analytics and no tracking.</p>
      <ResetSection />
    </section>
  );
}
