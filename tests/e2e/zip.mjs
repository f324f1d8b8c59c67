// A minimal .zip writer for hostile test files: a .docx that a user's tool could never
// make (a header that lies about its entry's size, as a zip bomb does).
import { crc32, deflateRawSync } from 'node:zlib';

/** A .zip of `entries` ([name, Buffer] pairs), each deflated; `claimedSize`, when
 * given, is written as every entry's uncompressed size instead of the true one. */
export function zipOf(entries, claimedSize) {
  const records = [];
  const directory = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const sizes = (buffer, at) => {
      buffer.writeUInt32LE(crc32(data), at);
      buffer.writeUInt32LE(packed.length, at + 4);
      buffer.writeUInt32LE(claimedSize ?? data.length, at + 8);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    sizes(local, 14);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    sizes(central, 16);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    records.push(local, nameBytes, packed);
    directory.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const dir = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...records, dir, end]);
}
