import { useApolloClient } from '@apollo/client/react';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { type CaptureState, LeadCapturer, type Uploaded } from './lead-capture';
import { leadQueue } from './lead-queue';
import { apolloLeadTransport, LEAD_QUERIES, type LeadView } from './leads-api';

const idle: CaptureState = { online: true, queued: 0, syncing: false, syncError: null };
const noop = () => () => undefined;

/**
 * The exhibitor's lead capturer, alive while the page is: started on opening, stopped on leaving.
 * Each upload of captures made offline refetches the table and the figures, and is handed to `onUploaded`.
 */
export function useLeadCapturer(exhibitorId: string, onUploaded: (uploaded: Uploaded<LeadView>[]) => void) {
  const client = useApolloClient();
  const [capturer, setCapturer] = useState<LeadCapturer<LeadView> | null>(null);
  const handler = useRef(onUploaded);
  useEffect(() => {
    handler.current = onUploaded;
  }, [onUploaded]);

  useEffect(() => {
    const made = new LeadCapturer<LeadView>({
      queue: leadQueue(),
      transport: apolloLeadTransport(client),
      exhibitorId,
      onUploaded: (uploaded) => {
        handler.current(uploaded);
        void client.refetchQueries({ include: LEAD_QUERIES }).catch(() => undefined);
      },
    });
    made.start();
    setCapturer(made);
    return () => {
      made.stop();
      setCapturer(null);
    };
  }, [client, exhibitorId]);

  const state = useSyncExternalStore(capturer?.subscribe ?? noop, capturer?.getState ?? (() => idle));
  return { capturer, state };
}
