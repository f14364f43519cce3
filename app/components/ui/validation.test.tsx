import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { translator } from '~/i18n';
import { sessionSchema } from '~/modules/courses/manage/schemas';
import { useBrowserValidation } from './validation';

function Probe() {
  const t = translator('nl');
  const { constraint } = useBrowserValidation(() => sessionSchema(t), ['nl']);
  return <p>{Object.keys(constraint).join(',')}</p>;
}

describe('useBrowserValidation', () => {
  it('renders a form whose schema is transformed as a whole (the session form), with its fields’ constraints', () => {
    // Conform's getZodConstraint throws "Unsupported schema" for a transform at the root: the
    // coordinator's course page answered 500.
    const html = renderToString(<Probe />);
    expect(html).toContain('date,startTime,endTime,location');
  });
});
