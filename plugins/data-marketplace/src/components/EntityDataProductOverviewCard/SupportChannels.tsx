import type { SupportChannel } from '@datamesh/plugin-data-mesh-common';
import { Link } from '@backstage/core-components';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import { humanizeValue } from '../../lib/humanize';
import { safeHref } from '../../lib/safeUrl';
import { asText } from '../../lib/values';

/** Where to ask about the product; an address becomes a link only if it is http(s) or mailto. */
export function SupportChannels(props: { channels: SupportChannel[] }) {
  if (!props.channels.length) {
    return null;
  }
  return (
    <List dense disablePadding aria-label="Support channels">
      {props.channels.map((channel, index) => {
        const name = asText(channel.channel) ?? 'Support';
        const href = safeHref(channel.url);
        const details = [
          asText(channel.tool) && humanizeValue(channel.tool!),
          asText(channel.scope) && humanizeValue(channel.scope!),
          asText(channel.description),
        ]
          .filter(Boolean)
          .join(' · ');
        return (
          <ListItem key={`${name}-${index}`} disableGutters>
            <ListItemText
              primary={href ? <Link to={href}>{name}</Link> : name}
              secondary={
                <>
                  {details}
                  {!href && asText(channel.url) && (
                    // Not a web or mail address: shown, never followed.
                    <span>{`${details ? ' · ' : ''}${channel.url}`}</span>
                  )}
                </>
              }
            />
          </ListItem>
        );
      })}
    </List>
  );
}
