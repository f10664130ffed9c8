package org.garrison.api.device;

/**
 * Whether and how a device is virtualised.
 *
 * @param virtualMachine        whether the device is a virtual machine
 * @param hypervisor            the hypervisor type, e.g. "VMware", "Hyper-V", "KVM", or {@code null}
 * @param vmType                the virtual machine type, or {@code null}
 * @param vdiDynamic            whether the device is a dynamic virtual machine of a VDI
 * @param managingVirtualServer the name of the virtual Administration Server that manages the device, or
 *                              {@code null}
 */
public record Virtualisation(boolean virtualMachine, String hypervisor, String vmType, boolean vdiDynamic,
        String managingVirtualServer) {

    /** A physical device, or one nothing is known about. */
    public static Virtualisation physical() {
        return new Virtualisation(false, null, null, false, null);
    }
}
