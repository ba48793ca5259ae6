import { splitLinks } from './linkify.ts';

/** Message text as text nodes; only http(s) URLs become links, opened away from the host page. */
export function MessageText(props: { text: string }) {
  return (
    <>
      {splitLinks(props.text).map((segment, index) =>
        segment.kind === 'link' ? (
          <a key={index} href={segment.href} target="_blank" rel="noopener noreferrer nofollow">
            {segment.text}
          </a>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}
