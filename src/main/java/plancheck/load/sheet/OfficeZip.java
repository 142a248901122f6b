package plancheck.load.sheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Office files (XLSX, DOCX) are zip files, and POI dates every entry at the time of writing: the same
 * report written a few seconds later would differ in those bytes (contract §3: no clock time). Every
 * entry is rewritten with one fixed local date, whatever the machine's time zone, and with its sizes
 * in its header (written to a seekable buffer: no data descriptors, which some readers of a workbook
 * given as a stream do not follow).
 */
public final class OfficeZip {
    /** 2000-01-01 00:00, local to the zip (DOS time has no zone). */
    static final LocalDateTime FIXED = LocalDateTime.of(2000, 1, 1, 0, 0);

    private OfficeZip() {}

    /**
     * @param zip an office file as POI wrote it
     * @return the same entries, in the same order and with the same content, each dated {@link #FIXED}
     * @throws IOException when the bytes are not a zip file
     */
    public static byte[] withFixedTimes(byte[] zip) throws IOException {
        // DOS time is written in the default zone: the instant that is FIXED there
        long time = FIXED.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        SeekableInMemoryByteChannel channel = new SeekableInMemoryByteChannel();
        try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(zip));
             ZipArchiveOutputStream z = new ZipArchiveOutputStream(channel)) {
            ZipArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                ZipArchiveEntry n = new ZipArchiveEntry(e.getName());
                n.setTime(time);
                z.putArchiveEntry(n);
                in.transferTo(z);
                z.closeArchiveEntry();
            }
            z.finish();
        }
        return java.util.Arrays.copyOf(channel.array(), (int) channel.size());
    }
}
