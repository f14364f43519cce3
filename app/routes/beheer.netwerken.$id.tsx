import type { LoaderFunctionArgs } from '@remix-run/node';
import { Outlet, useLoaderData } from '@remix-run/react';
import { NetworkHeader } from '~/components/network-nav';
import { requireNetworkOfCoordinator } from '~/modules/mentoring/guards.server';

// The frame of one network's pages: back link, name, organisation and the tabs between the pages.
// Each page below guards itself too: loaders run in parallel, so this one does not protect them.
// The pages keep their own <title>; this layout has none.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { network, organisation } = await requireNetworkOfCoordinator(request, params.id);
  return { network: { id: network.id, name: network.name, organisationName: organisation.name } };
}

export default function NetworkFrame() {
  const { network } = useLoaderData<typeof loader>();
  return (
    <div className="pa-manage">
      <NetworkHeader network={network} />
      <Outlet />
    </div>
  );
}
