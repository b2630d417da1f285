package org.w3id.copgraph.sparql;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Fuseki's response, held back up to a limit so that a query that fails early gets a proper error
 * status instead of a 200 with a cut-off body. Fuseki 5.6.0 sets 200 and starts writing before the
 * results are computed; when the query is cancelled while it writes (the timeout), its
 * {@code Responses.output} sets status 400 and appends "Query cancelled ... Incomplete results" to
 * the body; other failures set an error status and write a plain-text message. This wrapper sees
 * each of those as a status of 400 or more: within the limit, nothing has been sent and the filter
 * answers the error; past the limit, the rest of the body is dropped and the filter aborts the
 * response, so the client never sees a complete-looking answer.
 */
final class HeldResponse extends HttpServletResponseWrapper {

    private final int limit;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    /** What Fuseki wrote after it reported a failure: its message. */
    private final ByteArrayOutputStream failureText = new ByteArrayOutputStream();
    private int status = HttpServletResponse.SC_OK;
    private boolean streaming;
    private boolean failed;
    private ServletOutputStream stream;
    private PrintWriter writer;

    HeldResponse(HttpServletResponse response, int limit) {
        super(response);
        this.limit = limit;
    }

    /** Whether part of the body has been sent (the status with it). */
    boolean streaming() {
        return streaming;
    }

    /** Whether Fuseki reported a failure (an error status), before or after the body started. */
    boolean failed() {
        return failed;
    }

    int heldStatus() {
        return status;
    }

    /** The text Fuseki wrote with its error status. */
    String failureText() {
        return failureText.toString(StandardCharsets.UTF_8);
    }

    /** Sends what is held: the whole answer of a query that finished within the limit. */
    void release() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        if (!streaming) {
            HttpServletResponse real = (HttpServletResponse) getResponse();
            real.setContentLength(held.size());
            real.getOutputStream().write(held.toByteArray());
        }
        getResponse().flushBuffer();
    }

    /** Forgets everything held, for an error answer in its place. */
    void discard() {
        held.reset();
        super.resetBuffer();
    }

    @Override
    public void setStatus(int sc) {
        if (sc >= 400) {
            failed = true;
            failureText.reset();
        }
        if (!streaming) {
            status = sc;
            super.setStatus(sc);
        }
    }

    @Override
    public void sendError(int sc, String msg) {
        setStatus(sc);
        if (msg != null) {
            failureText.writeBytes(msg.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void sendError(int sc) {
        setStatus(sc);
    }

    @Override
    public void setContentLength(int len) {
        // The length of what is finally sent is set by release(); Fuseki sets one only for errors.
    }

    @Override
    public void setContentLengthLong(long len) {
    }

    @Override
    public void setHeader(String name, String value) {
        if (!"Content-Length".equalsIgnoreCase(name)) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void flushBuffer() throws IOException {
        if (streaming) {
            super.flushBuffer();
        }
    }

    @Override
    public boolean isCommitted() {
        return streaming || super.isCommitted();
    }

    @Override
    public void reset() {
        if (!streaming) {
            held.reset();
            super.reset();
        }
    }

    @Override
    public void resetBuffer() {
        if (!streaming) {
            held.reset();
            super.resetBuffer();
        }
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (stream == null) {
            stream = new HeldStream();
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            String enc = getCharacterEncoding();
            Charset cs = enc == null ? StandardCharsets.UTF_8 : Charset.forName(enc);
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), cs));
        }
        return writer;
    }

    private void write(byte[] b, int off, int len) throws IOException {
        if (failed) {
            if (failureText.size() < 4096) {
                failureText.write(b, off, Math.min(len, 4096));
            }
            return;
        }
        if (streaming) {
            getResponse().getOutputStream().write(b, off, len);
            return;
        }
        held.write(b, off, len);
        if (held.size() > limit) {
            streaming = true;
            getResponse().getOutputStream().write(held.toByteArray());
            held.reset();
        }
    }

    private final class HeldStream extends ServletOutputStream {
        @Override
        public void write(int b) throws IOException {
            HeldResponse.this.write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            HeldResponse.this.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            if (streaming && !failed) {
                getResponse().getOutputStream().flush();
            }
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("synchronous writes only");
        }
    }
}
