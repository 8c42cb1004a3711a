// The change feed's matching (src/app/live/changes.ts): a live read re-runs when an announcement
// touches one of its tables, and only then. `schema.*` and `*` stand for many tables on either side.
import { describe, expect, it } from 'vitest';
import { createChangeFeed, RUN_CHANGES, touches } from '../../src/app/live/changes';

describe('touches', () => {
  it('matches a table with itself and with nothing else of its schema', () => {
    expect(touches('gold.track_facts', 'gold.track_facts')).toBe(true);
    expect(touches('gold.track_facts', 'gold.dash_track_dims')).toBe(false);
    expect(touches('raw.files', 'raw.files_removed')).toBe(false); // a prefix is not the table
  });

  it('matches a whole schema with each of its tables, read or announced', () => {
    expect(touches('gold.*', 'gold.track_facts')).toBe(true);
    expect(touches('gold.track_facts', 'gold.*')).toBe(true);
    expect(touches('gold.*', 'gold.*')).toBe(true);
  });

  it('never matches across schemas, even a table of the same name', () => {
    expect(touches('gold.track_facts', 'silver.track_facts')).toBe(false);
    expect(touches('gold.*', 'silver.listens')).toBe(false);
    expect(touches('silver.listens', 'gold.*')).toBe(false);
    expect(touches('gold.*', 'silver.*')).toBe(false);
    expect(touches('raw.*', 'rawer.files')).toBe(false);
  });

  it('matches everything with *, on either side', () => {
    expect(touches('*', 'meta.audit_log')).toBe(true);
    expect(touches('raw.skipped_files', '*')).toBe(true);
    expect(touches('gold.*', '*')).toBe(true);
    expect(touches('*', '*')).toBe(true);
  });

  it("a whole run's changes touch every layer's reads", () => {
    for (const read of ['raw.skipped_files', 'silver.listens', 'gold.track_facts', 'meta.runs', 'snap.track_facts']) {
      expect(RUN_CHANGES.some((c) => touches(read, c))).toBe(true);
    }
  });
});

describe('the change feed', () => {
  it('wakes only the reads an announcement touches', () => {
    const feed = createChangeFeed();
    const facts = () => feed.version(['gold.track_facts']);
    const skipped = () => feed.version(['raw.skipped_files']);
    const lineage = () => feed.version(['gold.track_facts', 'silver.listens']);
    const dims = () => feed.version(['gold.dash_track_dims']);
    const before = { facts: facts(), skipped: skipped(), lineage: lineage(), dims: dims() };

    feed.announce(['gold.track_facts', 'meta.audit_log']);
    expect({ facts: facts(), skipped: skipped(), lineage: lineage(), dims: dims() })
      .toEqual({ facts: before.facts + 1, skipped: before.skipped, lineage: before.lineage + 1, dims: before.dims });

    feed.announce(['silver.*']);
    expect({ facts: facts(), skipped: skipped(), lineage: lineage(), dims: dims() })
      .toEqual({ facts: before.facts + 1, skipped: before.skipped, lineage: before.lineage + 2, dims: before.dims });

    feed.announce(RUN_CHANGES);
    expect({ facts: facts(), skipped: skipped(), lineage: lineage(), dims: dims() })
      .toEqual({ facts: before.facts + 2, skipped: before.skipped + 1, lineage: before.lineage + 3, dims: before.dims + 1 });
    expect(feed.count()).toBe(3);
  });

  it('shares one signal among reads of the same tables, in any order', () => {
    const feed = createChangeFeed();
    const a = () => feed.version(['raw.analysis', 'gold.track_facts']);
    const b = () => feed.version(['gold.track_facts', 'raw.analysis']);
    expect(a()).toBe(0); // a read subscribes at its first run: earlier announcements are not owed to it
    feed.announce(['raw.analysis']);
    expect(a()).toBe(b());
    expect(a()).toBe(1);
  });
});
