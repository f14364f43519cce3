import { Form } from '~/components/ui/form';
import type { SeatPool } from '~db/schema';
import { useT } from '~/i18n';

type Props = {
  pool: SeatPool;
  status: 'confirmed' | 'waitlisted' | 'offered' | 'cancelled';
  /** The other pool and whether it has a free seat; null when this registration cannot switch. */
  option: { to: SeatPool; free: boolean } | null;
};

/**
 * A hybrid course's registration: on site or online, and the button to switch while the other pool has
 * a free seat (a plain form post, so it works without JavaScript; the page answers with a notice).
 */
export function SeatPoolSection({ pool, status, option }: Props) {
  const t = useT();
  const where =
    status === 'waitlisted'
      ? t(`pools.manage.waiting.${pool}`)
      : status === 'offered'
        ? t(`pools.manage.offered.${pool}`)
        : status === 'confirmed'
          ? t(`pools.manage.seat.${pool}`)
          : null;
  if (!where) return null;
  return (
    <section aria-labelledby="pool-heading">
      <h2 className="utrecht-heading-2" id="pool-heading">
        {t('pools.manage.heading')}
      </h2>
      <p className="utrecht-paragraph">{where}</p>
      {option ? (
        option.free ? (
          <>
            <p className="utrecht-paragraph">{t(`pools.manage.switchHint.${option.to}`)}</p>
            <Form method="post">
              <input type="hidden" name="pool" value={option.to} />
              <button type="submit" name="intent" value="pool" className="utrecht-button utrecht-button--secondary-action">
                {t(`pools.manage.switch.${option.to}`)}
              </button>
            </Form>
          </>
        ) : (
          <p className="utrecht-paragraph">{t(`pools.manage.noSeat.${option.to}`)}</p>
        )
      ) : null}
    </section>
  );
}
