import type { AnchorHTMLAttributes } from 'react';
import { Link } from 'react-router';
import { homePath } from '../routes';

/** A router link to the console's home page, for PatternFly components that take a link `component`. */
export function HomeLink(props: AnchorHTMLAttributes<HTMLAnchorElement>) {
  return <Link {...props} to={homePath} />;
}
