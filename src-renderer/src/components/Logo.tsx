import { useId, type ReactElement } from 'react';

/** The ShopMesh mark: three linked nodes on a rounded tile. */
export function LogoMark({ size = 28 }: { size?: number }): ReactElement {
  const gradient = useId();
  return (
    <svg
      className="logo-mark"
      width={size}
      height={size}
      viewBox="0 0 32 32"
      aria-hidden="true"
      focusable="false"
    >
      <defs>
        <linearGradient id={gradient} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#6d5dfc" />
          <stop offset="1" stopColor="#e0407b" />
        </linearGradient>
      </defs>
      <rect width="32" height="32" rx="8" fill={`url(#${gradient})`} />
      <path
        d="M10 21 16 10l6 11z"
        fill="none"
        stroke="#fff"
        strokeWidth="2"
        strokeLinejoin="round"
        opacity="0.85"
      />
      <circle cx="16" cy="10" r="3" fill="#fff" />
      <circle cx="10" cy="21" r="3" fill="#fff" />
      <circle cx="22" cy="21" r="3" fill="#fff" />
    </svg>
  );
}
