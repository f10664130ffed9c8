package org.garrison.agent.inventory;

import java.util.ArrayList;
import java.util.List;

import org.garrison.api.device.DomainType;
import org.garrison.api.device.UserAccount;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.LMJoin;
import com.sun.jna.platform.win32.Netapi32Util;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;

/**
 * What only Windows knows, read through the Windows API (JNA, which OSHI brings): the registry's version and
 * machine identity values, the domain membership and the local accounts. Only called on Windows.
 */
final class WindowsFacts {

    private static final String CURRENT_VERSION = "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";
    /** Flag of a disabled account in USER_INFO flags. */
    private static final int ACCOUNT_DISABLED = 0x0002;

    private WindowsFacts() {
    }

    /**
     * The operating system as the registry names it.
     *
     * @param productName  e.g. "Windows 11 Pro" (the registry still says "Windows 10" on Windows 11, corrected here)
     * @param version      "major.minor", e.g. "10.0"
     * @param build        e.g. "22631.4460"
     * @param releaseId    e.g. "23H2"
     * @param systemRoot   e.g. "C:\Windows"
     */
    record Version(String productName, String version, String build, String releaseId, String systemRoot) {
    }

    static Version version() {
        String build = string(CURRENT_VERSION, "CurrentBuild");
        String product = string(CURRENT_VERSION, "ProductName");
        if (product != null && build != null && build.chars().allMatch(Character::isDigit)
                && Integer.parseInt(build) >= 22000) {
            product = product.replace("Windows 10", "Windows 11");
        }
        Integer major = integer(CURRENT_VERSION, "CurrentMajorVersionNumber");
        Integer minor = integer(CURRENT_VERSION, "CurrentMinorVersionNumber");
        String version = major == null ? string(CURRENT_VERSION, "CurrentVersion")
                : major + "." + (minor == null ? 0 : minor);
        Integer revision = integer(CURRENT_VERSION, "UBR");
        String release = string(CURRENT_VERSION, "DisplayVersion");
        return new Version(product, version, build == null || revision == null ? build : build + "." + revision,
                release != null ? release : string(CURRENT_VERSION, "ReleaseId"), System.getenv("SystemRoot"));
    }

    /** The installation's MachineGuid, stable until Windows is reinstalled, or {@code null}. */
    static String machineGuid() {
        return string("SOFTWARE\\Microsoft\\Cryptography", "MachineGuid");
    }

    /** Whether Windows (servicing or Windows Update) waits for a restart. */
    static boolean restartPending() {
        return exists("SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending")
                || exists("SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired");
    }

    static String netbiosName() {
        return Kernel32Util.getComputerName();
    }

    /**
     * The domain or workgroup the machine belongs to.
     *
     * @param name the domain or workgroup name, or {@code null}
     * @param type what it is, or {@code null}
     */
    record Membership(String name, DomainType type) {
    }

    static Membership membership() {
        int status = Netapi32Util.getJoinStatus();
        DomainType type = switch (status) {
            case LMJoin.NETSETUP_JOIN_STATUS.NetSetupDomainName -> DomainType.ACTIVE_DIRECTORY;
            case LMJoin.NETSETUP_JOIN_STATUS.NetSetupWorkgroupName -> DomainType.WORKGROUP;
            default -> null;
        };
        return new Membership(type == null ? null : Netapi32Util.getDomainName(null), type);
    }

    /** The enabled local accounts. */
    static List<UserAccount> localUsers() {
        List<UserAccount> users = new ArrayList<>();
        for (Netapi32Util.User user : Netapi32Util.getUsers()) {
            Netapi32Util.UserInfo info = Netapi32Util.getUserInfo(user.name);
            if ((info.flags & ACCOUNT_DISABLED) == 0) {
                users.add(new UserAccount(user.name, null, info.fullName, null));
            }
        }
        return users;
    }

    private static String string(String key, String value) {
        if (!Advapi32Util.registryValueExists(WinReg.HKEY_LOCAL_MACHINE, key, value, WinNT.KEY_WOW64_64KEY)) {
            return null;
        }
        return Advapi32Util.registryGetStringValue(WinReg.HKEY_LOCAL_MACHINE, key, value, WinNT.KEY_WOW64_64KEY);
    }

    private static Integer integer(String key, String value) {
        if (!Advapi32Util.registryValueExists(WinReg.HKEY_LOCAL_MACHINE, key, value, WinNT.KEY_WOW64_64KEY)) {
            return null;
        }
        return Advapi32Util.registryGetIntValue(WinReg.HKEY_LOCAL_MACHINE, key, value, WinNT.KEY_WOW64_64KEY);
    }

    private static boolean exists(String key) {
        return Advapi32Util.registryKeyExists(WinReg.HKEY_LOCAL_MACHINE, key, WinNT.KEY_WOW64_64KEY);
    }
}
