using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Governance.Etl.Readers;

/// <summary>
/// Opens only regular files: a symbolic link (wherever it points), a named pipe (FIFO), a device or a socket is refused
/// without being opened, so that a link out of the inbox is never followed and a FIFO never blocks the load. On Linux the
/// type is read with <c>statx</c> without following links, the file is opened non-blocking, and the opened file must be
/// the same regular file (device and inode) that was checked, so swapping the name between check and open gains nothing.
/// </summary>
public static partial class RegularFile
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxType = 0x1;
    private const uint StatxIno = 0x100;
    private const int ORdOnly = 0;
    private const int ONonBlock = 0x800;
    private const int OCloExec = 0x80000;
    private const int TypeMask = 0xF000;

    /// <summary>Null for a regular file (or one that does not exist); otherwise what it is, e.g. "a symbolic link".</summary>
    public static string? NotRegular(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsLinux())
        {
            return Statx(AtFdCwd, path, AtSymlinkNoFollow, out var status) == 0 ? Kind(status.Mode) : null;
        }

        var info = new FileInfo(path);
        return info.Exists && info.LinkTarget is not null ? Kind(0xA000) : null;
    }

    /// <summary>Opens a regular file for reading; anything else is an <see cref="UnreadableFileException"/> (rule file_not_regular).</summary>
    public static FileStream OpenRead(string path, int bufferSize = 1 << 16)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!OperatingSystem.IsLinux())
        {
            Refuse(NotRegular(path));
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, FileOptions.SequentialScan);
        }

        if (Statx(AtFdCwd, path, AtSymlinkNoFollow, out var before) != 0)
        {
            throw new FileNotFoundException($"file not found: {path}", path);
        }

        Refuse(Kind(before.Mode));
        var descriptor = Open(path, ORdOnly | ONonBlock | OCloExec);
        if (descriptor < 0)
        {
            throw new IOException($"cannot open {path} (errno {Marshal.GetLastPInvokeError()})");
        }

        var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        try
        {
            if (Statx(descriptor, string.Empty, AtEmptyPath, out var opened) != 0 || opened.Ino != before.Ino
                || opened.DevMajor != before.DevMajor || opened.DevMinor != before.DevMinor)
            {
                throw Refusal("a file replaced while it was opened / 打开时被替换的文件");
            }

            Refuse(Kind(opened.Mode));
            return new FileStream(handle, FileAccess.Read, bufferSize);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static void Refuse(string? kind)
    {
        if (kind is not null)
        {
            throw Refusal(kind);
        }
    }

    private static UnreadableFileException Refusal(string kind) => new(
        $"不是普通文件（{kind}），未读取；请放入文件本身 / not a regular file ({kind}): not read; put the file itself, not a link, pipe or device",
        Validation.RejectRule.FileNotRegular);

    private static string? Kind(int mode) => (mode & TypeMask) switch
    {
        0x8000 => null,
        0xA000 => "符号链接 a symbolic link",
        0x1000 => "命名管道 a named pipe (FIFO)",
        0x2000 => "字符设备 a character device",
        0x6000 => "块设备 a block device",
        0xC000 => "套接字 a socket",
        0x4000 => "文件夹 a directory",
        _ => "未知类型 an unknown kind of file",
    };

    private static int Statx(int directory, string path, int flags, out StatxBuffer buffer) => StatxCall(directory, path, flags, StatxType | StatxIno, out buffer);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatxCall(int directory, string path, int flags, uint mask, out StatxBuffer buffer);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    /// <summary>Linux's struct statx: the same layout on every architecture.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(28)]
        public ushort RawMode;

        [FieldOffset(32)]
        public ulong Ino;

        [FieldOffset(136)]
        public uint DevMajor;

        [FieldOffset(140)]
        public uint DevMinor;

        public readonly int Mode => RawMode;
    }
}
