import { MarkdownContent } from '@backstage/core-components';
import { blockedImageUri, markdownLinkUri } from '../../lib/safeUrl';

/**
 * Markdown written in a descriptor, rendered without trusting it. The CommonMark dialect
 * leaves raw HTML as visible text (the GFM dialect would parse it into elements and rely on
 * a sanitizer); links keep an anchor only for http, https and mailto; images are not loaded.
 */
export function SafeMarkdown(props: { content: string }) {
  return (
    <MarkdownContent
      content={props.content}
      dialect="common-mark"
      transformLinkUri={markdownLinkUri}
      transformImageUri={blockedImageUri}
    />
  );
}
