package org.garrison.api.device;

/**
 * How a device is named on the network. Every field may be {@code null} when unknown.
 *
 * @param windowsDomain     the Windows domain (or workgroup) name
 * @param windowsDomainType the kind of Windows domain
 * @param netbiosName       the device's name in the Windows environment (NetBIOS name)
 * @param dnsDomain         the DNS domain, e.g. "corp.example.com"
 * @param dnsName           the DNS name, e.g. "ws-0042.corp.example.com"
 * @param hardwareId        a stable identifier of the hardware, reported by the Network Agent
 */
public record DeviceIdentity(String windowsDomain, DomainType windowsDomainType, String netbiosName,
        String dnsDomain, String dnsName, String hardwareId) {

    /** An identity with nothing known. */
    public static DeviceIdentity unknown() {
        return new DeviceIdentity(null, null, null, null, null, null);
    }
}
