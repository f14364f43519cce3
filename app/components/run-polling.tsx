import { useRevalidator } from '@remix-run/react';
import { useEffect } from 'react';

/**
 * While a matching or placement run works: with JavaScript the page asks the server again every
 * 1.5 s; without, the `<noscript>` refresh reloads it every 2 s. Render it inside the progress notice.
 */
export function RunPolling() {
  const revalidator = useRevalidator();
  useEffect(() => {
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') revalidator.revalidate();
    }, 1500);
    return () => clearInterval(timer);
  }, [revalidator]);
  return (
    <noscript>
      <meta httpEquiv="refresh" content="2" />
    </noscript>
  );
}
