// Dashboards: not built yet; says so plainly and points to what works today.
import { A } from '@solidjs/router';

export default function DashboardsPage() {
  return (
    <section>
      <h1>Dashboards</h1>
      <p class="card">Listening trends, library optimisation and distributions appear here once your library and listening history are loaded. This page is not available in this version yet. Meanwhile, the <A href="/catalog">catalog</A> and the <A href="/sql">SQL explorer</A> show everything the lakehouse holds.</p>
    </section>
  );
}
