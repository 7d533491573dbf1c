import { Link } from 'react-router';
import { useChallengeFull } from '../challenges/lifecycle-queries';

/** An application names its 榜单 by id; the title comes from challenge-service (cached per 榜单). */
export function ChallengeName({ id }: { id: string }) {
  const c = useChallengeFull(id);
  return <Link to={`/challenges/${id}`}>{c.data?.title ?? (c.isError ? '（榜单不可见）' : '加载中…')}</Link>;
}
