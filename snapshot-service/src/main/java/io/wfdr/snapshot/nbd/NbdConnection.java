package io.wfdr.snapshot.nbd;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A client of one NBD export over a unix socket (the NBD protocol's fixed newstyle handshake with structured
 * replies): what QEMU exports of a running VM's disk during a pull-mode backup, and what qemu-nbd serves of a qcow2
 * file wfdr writes into. Reads, writes and block status (the allocation map, or a dirty bitmap such as
 * {@code qemu:dirty-bitmap:backup-vda}), one request at a time.
 */
public final class NbdConnection implements AutoCloseable {

    public static final String ALLOCATION = "base:allocation";
    /** The largest request QEMU accepts (its block_size_maximum). */
    public static final int MAX_REQUEST = 32 << 20;

    private static final long NBDMAGIC = 0x4e42444d41474943L;
    private static final long IHAVEOPT = 0x49484156454F5054L;
    private static final long OPTION_REPLY_MAGIC = 0x0003e889045565a9L;
    private static final int REQUEST_MAGIC = 0x25609513;
    private static final int SIMPLE_REPLY_MAGIC = 0x67446698;
    private static final int STRUCTURED_REPLY_MAGIC = 0x668e33ef;
    private static final int FIXED_NEWSTYLE = 1;
    private static final int NO_ZEROES = 2;
    private static final int OPT_GO = 7;
    private static final int OPT_STRUCTURED_REPLY = 8;
    private static final int OPT_SET_META_CONTEXT = 10;
    private static final int REP_ACK = 1;
    private static final int REP_INFO = 3;
    private static final int REP_META_CONTEXT = 4;
    private static final int REP_ERROR = 0x80000000;
    private static final int INFO_EXPORT = 0;
    private static final int FLAG_READ_ONLY = 1 << 1;
    private static final short CMD_READ = 0;
    private static final short CMD_WRITE = 1;
    private static final short CMD_DISC = 2;
    private static final short CMD_FLUSH = 3;
    private static final short CMD_BLOCK_STATUS = 7;
    private static final int CHUNK_DONE = 1;
    private static final int CHUNK_NONE = 0;
    private static final int CHUNK_OFFSET_DATA = 1;
    private static final int CHUNK_OFFSET_HOLE = 2;
    private static final int CHUNK_BLOCK_STATUS = 5;
    private static final int CHUNK_ERROR = 0x8000;

    private final SocketChannel channel;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final String where;
    private final Map<String, Integer> contexts = new HashMap<>();
    private long size;
    private boolean readOnly;
    private long cookie;

    private NbdConnection(SocketChannel channel, String where) {
        this.channel = channel;
        this.where = where;
        this.in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16));
        this.out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
    }

    /** Connects to {@code export} at {@code socket}, asking for the given block status contexts. */
    public static NbdConnection open(Path socket, String export, List<String> metaContexts) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        NbdConnection connection = new NbdConnection(channel, "NBD export '" + export + "' at " + socket);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
            connection.handshake(export, metaContexts);
            return connection;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public long size() {
        return size;
    }

    public boolean readOnly() {
        return readOnly;
    }

    private void handshake(String export, List<String> metaContexts) throws IOException {
        if (in.readLong() != NBDMAGIC || in.readLong() != IHAVEOPT) {
            throw new NbdFailure(where + " does not speak newstyle NBD");
        }
        int serverFlags = in.readUnsignedShort();
        if ((serverFlags & FIXED_NEWSTYLE) == 0) {
            throw new NbdFailure(where + " does not offer the fixed newstyle handshake");
        }
        out.writeInt(FIXED_NEWSTYLE | (serverFlags & NO_ZEROES));
        option(OPT_STRUCTURED_REPLY, new byte[0]);
        expectAck(OPT_STRUCTURED_REPLY);
        if (!metaContexts.isEmpty()) {
            option(OPT_SET_META_CONTEXT, metaContextRequest(export, metaContexts));
            readMetaContexts(metaContexts);
        }
        byte[] name = export.getBytes(StandardCharsets.UTF_8);
        java.nio.ByteBuffer go = java.nio.ByteBuffer.allocate(4 + name.length + 2);
        go.putInt(name.length).put(name).putShort((short) 0);
        option(OPT_GO, go.array());
        readExportInfo();
    }

    private static byte[] metaContextRequest(String export, List<String> queries) {
        byte[] name = export.getBytes(StandardCharsets.UTF_8);
        List<byte[]> encoded = queries.stream().map(q -> q.getBytes(StandardCharsets.UTF_8)).toList();
        int length = 4 + name.length + 4 + encoded.stream().mapToInt(q -> 4 + q.length).sum();
        java.nio.ByteBuffer data = java.nio.ByteBuffer.allocate(length);
        data.putInt(name.length).put(name).putInt(encoded.size());
        encoded.forEach(q -> data.putInt(q.length).put(q));
        return data.array();
    }

    private void option(int option, byte[] data) throws IOException {
        out.writeLong(IHAVEOPT);
        out.writeInt(option);
        out.writeInt(data.length);
        out.write(data);
        out.flush();
    }

    private record OptionReply(int type, byte[] data) {
    }

    private OptionReply optionReply(int option) throws IOException {
        if (in.readLong() != OPTION_REPLY_MAGIC || in.readInt() != option) {
            throw new NbdFailure(where + " answered an option out of turn");
        }
        int type = in.readInt();
        byte[] data = new byte[in.readInt()];
        in.readFully(data);
        if ((type & REP_ERROR) != 0) {
            throw new NbdFailure(where + " refused option " + option + " (error " + (type & ~REP_ERROR) + "): "
                    + new String(data, StandardCharsets.UTF_8));
        }
        return new OptionReply(type, data);
    }

    private void expectAck(int option) throws IOException {
        if (optionReply(option).type() != REP_ACK) {
            throw new NbdFailure(where + " did not acknowledge option " + option);
        }
    }

    private void readMetaContexts(List<String> wanted) throws IOException {
        for (OptionReply reply = optionReply(OPT_SET_META_CONTEXT); reply.type() != REP_ACK;
                reply = optionReply(OPT_SET_META_CONTEXT)) {
            if (reply.type() == REP_META_CONTEXT) {
                java.nio.ByteBuffer data = java.nio.ByteBuffer.wrap(reply.data());
                int id = data.getInt();
                contexts.put(new String(reply.data(), 4, reply.data().length - 4, StandardCharsets.UTF_8), id);
            }
        }
        for (String context : wanted) {
            if (!contexts.containsKey(context)) {
                throw new NbdFailure(where + " has no block status context " + context);
            }
        }
    }

    private void readExportInfo() throws IOException {
        boolean sized = false;
        for (OptionReply reply = optionReply(OPT_GO); reply.type() != REP_ACK; reply = optionReply(OPT_GO)) {
            java.nio.ByteBuffer data = java.nio.ByteBuffer.wrap(reply.data());
            if (reply.type() == REP_INFO && data.getShort() == INFO_EXPORT) {
                size = data.getLong();
                readOnly = (data.getShort() & FLAG_READ_ONLY) != 0;
                sized = true;
            }
        }
        if (!sized) {
            throw new NbdFailure(where + " did not say how large the export is");
        }
    }

    /** Reads {@code into.length} bytes from {@code offset}; holes read as zeros. */
    public void read(long offset, byte[] into, int length) throws IOException {
        long handle = request(CMD_READ, offset, length, null, 0);
        java.util.Arrays.fill(into, 0, length, (byte) 0);
        readChunks(handle, (type, payloadLength) -> {
            if (type == CHUNK_OFFSET_DATA) {
                int at = (int) (in.readLong() - offset);
                in.readFully(into, at, payloadLength - 8);
            } else {
                in.skipNBytes(payloadLength);
            }
        }, length, into);
    }

    public void write(long offset, byte[] data, int length) throws IOException {
        readChunks(request(CMD_WRITE, offset, length, data, length), this::skip, 0, null);
    }

    /** Makes everything written so far durable on the server's storage. */
    public void flush() throws IOException {
        readChunks(request(CMD_FLUSH, 0, 0, null, 0), this::skip, 0, null);
    }

    /**
     * The extents of {@code context} from {@code offset} on, as the server reports them (it may cover less than
     * {@code length}; ask again from where it stopped). Each extent carries the context's flags: for a dirty
     * bitmap, 1 is dirty; for {@link #ALLOCATION}, 1 is a hole and 2 reads as zeros.
     */
    public List<NbdExtent> blockStatus(String context, long offset, int length) throws IOException {
        Integer id = contexts.get(context);
        if (id == null) {
            throw new NbdFailure(where + " was not asked for block status context " + context);
        }
        List<NbdExtent> extents = new ArrayList<>();
        long[] at = {offset};
        readChunks(request(CMD_BLOCK_STATUS, offset, length, null, 0), (type, payloadLength) -> {
            if (type != CHUNK_BLOCK_STATUS) {
                in.skipNBytes(payloadLength);
                return;
            }
            boolean ours = in.readInt() == id;
            for (int left = payloadLength - 4; left >= 8; left -= 8) {
                long extentLength = Integer.toUnsignedLong(in.readInt());
                int flags = in.readInt();
                if (ours) {
                    extents.add(new NbdExtent(at[0], extentLength, flags));
                    at[0] += extentLength;
                }
            }
        }, 0, null);
        return extents;
    }

    private long request(short type, long offset, int length, byte[] data, int dataLength) throws IOException {
        long handle = ++cookie;
        out.writeInt(REQUEST_MAGIC);
        out.writeShort(0);
        out.writeShort(type);
        out.writeLong(handle);
        out.writeLong(offset);
        out.writeInt(length);
        if (data != null) {
            out.write(data, 0, dataLength);
        }
        out.flush();
        return handle;
    }

    @FunctionalInterface
    private interface ChunkReader {
        void read(int type, int payloadLength) throws IOException;
    }

    private void skip(int type, int payloadLength) throws IOException {
        in.skipNBytes(payloadLength);
    }

    /** Reads the reply to {@code handle}: one simple reply, or structured chunks up to the one marked done. */
    private void readChunks(long handle, ChunkReader reader, int simpleReadLength, byte[] simpleInto)
            throws IOException {
        while (true) {
            int magic = in.readInt();
            if (magic == SIMPLE_REPLY_MAGIC) {
                int error = in.readInt();
                checkHandle(handle, in.readLong());
                if (error != 0) {
                    throw new NbdFailure(where + " failed a request (errno " + error + ")");
                }
                if (simpleInto != null) {
                    in.readFully(simpleInto, 0, simpleReadLength);
                }
                return;
            }
            if (magic != STRUCTURED_REPLY_MAGIC) {
                throw new NbdFailure(where + " sent a reply with an unknown magic");
            }
            int flags = in.readUnsignedShort();
            int type = in.readUnsignedShort();
            checkHandle(handle, in.readLong());
            int payloadLength = in.readInt();
            if ((type & CHUNK_ERROR) != 0) {
                throw chunkError(payloadLength);
            }
            if (type != CHUNK_NONE && type != CHUNK_OFFSET_HOLE) {
                reader.read(type, payloadLength);
            } else {
                in.skipNBytes(payloadLength);
            }
            if ((flags & CHUNK_DONE) != 0) {
                return;
            }
        }
    }

    private NbdFailure chunkError(int payloadLength) throws IOException {
        int error = in.readInt();
        int messageLength = in.readUnsignedShort();
        byte[] message = new byte[messageLength];
        in.readFully(message);
        in.skipNBytes(payloadLength - 6L - messageLength);
        return new NbdFailure(where + " failed a request (errno " + error + "): "
                + new String(message, StandardCharsets.UTF_8));
    }

    private void checkHandle(long expected, long found) throws NbdFailure {
        if (expected != found) {
            throw new NbdFailure(where + " answered request " + found + " while " + expected + " was awaited");
        }
    }

    /** Ends the session politely (the server then finishes its writes), then closes the socket. */
    @Override
    public void close() throws IOException {
        try {
            if (channel.isConnected()) {
                request(CMD_DISC, 0, 0, null, 0);
            }
        } catch (IOException | RuntimeException e) {
            // the socket is closed below all the same
        } finally {
            channel.close();
        }
    }
}
