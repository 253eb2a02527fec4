import { useId, type ReactElement, type ReactNode } from 'react';

/**
 * One titled part of a detail dialog or drawer: a region named by its heading, so a screen reader lists it
 * among the landmarks and a test finds it with `getByRole('region', { name })`.
 */
export function DetailSection(props: {
  title: ReactNode;
  children: ReactNode;
  className?: string;
}): ReactElement {
  const id = useId();
  return (
    <section aria-labelledby={id} className={props.className}>
      <h3 id={id} className="detail-heading">
        {props.title}
      </h3>
      {props.children}
    </section>
  );
}
