import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityProfile } from '@shared/accounts';
import { InitialsAvatar } from '../../components/InitialsAvatar';

const stats = [
  ['followerCount', 'followers'],
  ['followingCount', 'following'],
  ['likesCount', 'likes'],
  ['videoCount', 'videos'],
] as const satisfies readonly (readonly [keyof IdentityProfile, string])[];

/** The signed-in TikTok profile: avatar, name and counts (each count on one line, never wrapped). */
export function IdentityProfileCard({ profile }: { profile: IdentityProfile }): ReactElement {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { notation: 'compact', maximumFractionDigits: 1 });
  return (
    <div className="identity-detail">
      <InitialsAvatar name={profile.displayName} label={profile.displayName} />
      <div>
        <p className="detail-name">{profile.displayName}</p>
        <dl className="identity-stats">
          {stats.map(([field, label]) => {
            const value = profile[field];
            return value === null ? null : (
              <div key={field}>
                <dt>{t(`accounts.list.stats.${label}`)}</dt>
                <dd>{number.format(value)}</dd>
              </div>
            );
          })}
        </dl>
      </div>
    </div>
  );
}
