import type { LoaderFunctionArgs } from '@remix-run/node';
import { feedResponse } from '~/modules/courses/feed-route.server';

// /agenda/provincie/:code.ics: a calendar to subscribe to with the sessions of the public courses.
export const loader = ({ request, params }: LoaderFunctionArgs) => feedResponse(request, 'province', params.file);
