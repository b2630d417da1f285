package org.w3id.copgraph.sparql;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A request refused before its body was read (401, 403, 413): a body of up to
 * {@link #DISCARDED_BYTES} is read as it arrives, for a second at most, and dropped unparsed, so
 * that the client, still sending it, then reads the answer. Were the connection closed with its
 * bytes unread, the client's TCP stack would get a reset and lose the answer (seen as "no
 * response" by clients of refused uploads and oversized queries). A larger or slower body is not
 * waited for: the answer says the connection closes.
 */
public final class UnreadBody {

    /** Bodies up to this size are read and dropped after a refusal. */
    public static final long DISCARDED_BYTES = 4L << 20;
    private static final long WAIT_NANOS = 1_000_000_000L;

    private UnreadBody() {
    }

    /** Whether an answer of {@code status} refuses a request before reading its body. */
    public static boolean refuses(int status) {
        return status == 401 || status == 403 || status == 413;
    }

    public static void discard(HttpServletRequest req, HttpServletResponse res) {
        long length = req.getContentLengthLong();
        if (length <= 0) {
            return;
        }
        if (length > DISCARDED_BYTES) {
            res.setHeader("Connection", "close");
            return;
        }
        long deadline = System.nanoTime() + WAIT_NANOS;
        byte[] buffer = new byte[16 * 1024];
        long read = 0;
        try {
            var in = req.getInputStream();
            while (read < length && System.nanoTime() < deadline) {
                if (in.isFinished()) {
                    return;
                }
                int available = in.available();
                if (available <= 0) {
                    Thread.sleep(5);
                    continue;
                }
                int n = in.read(buffer, 0, Math.min(buffer.length, available));
                if (n < 0) {
                    return;
                }
                read += n;
            }
            if (read < length) {
                res.setHeader("Connection", "close");
            }
        } catch (java.io.IOException | IllegalStateException e) {
            // Gone already, or read as a reader (the form parser): nothing left to drop.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
