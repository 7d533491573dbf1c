import { DEMO_ORGANISATIONS } from '../demo-organisations';
import type { SeedContext } from './seed-context';

/**
 * The notification directory from seeds/organisations.json (names, roles, districts, contact e-mails), registered
 * through notification-service's API as the bureau — each e-mail as the contact of the organisation in its role, the
 * audience its notices are addressed to; and, for the demo of the daily digest, every district office takes
 * low-priority challenge e-mails as a digest. Idempotent: both calls are PUTs of the whole value. The ~1,500 past
 * ratings the matching step imports next notify nobody: notification-service's catalogue treats a rating recorded
 * more than a week after it was given as history (docs/notifications.md, "The news rule").
 */
export async function seedNotifications(ctx: SeedContext): Promise<void> {
  const bureau = await ctx.tokenFor('bureau');
  for (const org of DEMO_ORGANISATIONS) {
    const res = await ctx.call('PUT', `${ctx.urls.notification}/api/v1/directory/organisations/${org.id}`, bureau, {
      name: org.name,
      role: org.role,
      districtCode: org.districtCode,
      emails: [org.email],
    });
    if (res.status !== 200) throw new Error(`directory entry ${org.id} refused: ${JSON.stringify(res.body)}`);
  }
  const offices = DEMO_ORGANISATIONS.filter((o) => o.role === 'district');
  for (const office of offices) {
    const res = await ctx.call('PUT', `${ctx.urls.notification}/api/v1/preferences`, await ctx.tokenFor(office.id), {
      items: [{ category: 'challenge', channel: 'email', mode: 'digest' }],
    });
    if (res.status !== 200) throw new Error(`preferences of ${office.id} refused: ${JSON.stringify(res.body)}`);
  }
  ctx.log(`notifications: ${DEMO_ORGANISATIONS.length} directory entries, digest preference for ${offices.length} district offices`);
}
