// Lineage: not built yet; says so plainly and points to what works today.
import { A } from '@solidjs/router';

export default function LineagePage() {
  return (
    <section>
      <h1>Lineage</h1>
      <p class="card">The model graph with row counts per run appears here. This page is not available in this version yet. Meanwhile, the <A href="/catalog">catalog</A> and the <A href="/sql">SQL explorer</A> show everything the lakehouse holds.</p>
    </section>
  );
}
