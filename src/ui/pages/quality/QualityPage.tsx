// Quality: not built yet; says so plainly and points to what works today.
import { A } from '@solidjs/router';

export default function QualityPage() {
  return (
    <section>
      <h1>Quality</h1>
      <p class="card">Data-quality rules and anomalies appear here once the pipeline's checks run. This page is not available in this version yet. Meanwhile, the <A href="/catalog">catalog</A> and the <A href="/sql">SQL explorer</A> show everything the lakehouse holds.</p>
    </section>
  );
}
