package dev.outageradar.post;

/**
 * Whether bytes and strings are well-formed Unicode, checked strictly because Jackson is lenient: it decodes
 * an overlong form ({@code C0 AF} becomes "/") and a UTF-8-encoded surrogate into a string, and lets a
 * {@code \ud800} escape through as an unpaired surrogate that no strict UTF-8 encoder can write back.
 */
final class Unicode {

    private Unicode() {
    }

    /**
     * Offset of the first byte that is not part of well-formed UTF-8 (RFC 3629: no overlong form, no
     * surrogate, nothing past U+10FFFF, no sequence cut short), or of the first NUL byte, which a JSON text
     * never holds raw and which marks UTF-16 or UTF-32 text; -1 when there is none.
     */
    static int firstMalformedUtf8(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                if (b == 0) {
                    return i;
                }
                i++;
                continue;
            }
            int length;
            int secondMin = 0x80;
            int secondMax = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
            } else if (b == 0xE0) {
                length = 3;
                secondMin = 0xA0;
            } else if (b == 0xED) {
                length = 3;
                secondMax = 0x9F;
            } else if (b >= 0xE1 && b <= 0xEF) {
                length = 3;
            } else if (b == 0xF0) {
                length = 4;
                secondMin = 0x90;
            } else if (b == 0xF4) {
                length = 4;
                secondMax = 0x8F;
            } else if (b >= 0xF1 && b <= 0xF3) {
                length = 4;
            } else {
                return i;
            }
            if (i + length > bytes.length) {
                return i;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < secondMin || second > secondMax) {
                return i;
            }
            for (int k = 2; k < length; k++) {
                int next = bytes[i + k] & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return i;
                }
            }
            i += length;
        }
        return -1;
    }

    /** Index of the first surrogate char without its partner, or -1 when there is none. */
    static int firstUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
