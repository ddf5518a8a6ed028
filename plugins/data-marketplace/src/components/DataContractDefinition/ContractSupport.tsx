import { Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { safeHref } from '../../lib/safeUrl';
import { asList, asRecord, asText } from '../../lib/values';

/** Whom to ask about a contract; an address is a link only when it is http(s) or mailto. */
export function ContractSupport(props: { support: unknown }) {
  const entries = asList(props.support)
    .map(asRecord)
    .filter((entry): entry is Record<string, unknown> => Boolean(entry));
  return (
    <ul aria-label="Support" style={{ margin: 0, paddingLeft: 20 }}>
      {entries.map((entry, index) => {
        const name =
          asText(entry.channel) ??
          asText(entry.name) ??
          asText(entry.url) ??
          'Support';
        const href =
          safeHref(entry.url) ??
          safeHref(entry.email && `mailto:${entry.email}`);
        return (
          <li key={index}>
            <Typography variant="body2">
              {href ? <Link to={href}>{name}</Link> : name}
              {asText(entry.tool) ? ` (${entry.tool})` : ''}
            </Typography>
          </li>
        );
      })}
    </ul>
  );
}
