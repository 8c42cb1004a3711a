import { A } from '@solidjs/router';

export default function NotFound() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>This address is not a page of Wolfie. <A href="/">Go to your library</A>.</p>
    </section>
  );
}
