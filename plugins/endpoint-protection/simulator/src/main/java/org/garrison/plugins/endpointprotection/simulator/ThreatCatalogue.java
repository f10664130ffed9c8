package org.garrison.plugins.endpointprotection.simulator;

import java.util.List;
import java.util.Random;

/**
 * The threats the simulated application finds, with how common each is. Names follow the usual vendor scheme
 * ({@code [prefix:]Type.Platform.Family.variant}); adware and riskware are by far the most frequent finds on real
 * fleets, ransomware and rootkits the rarest.
 */
final class ThreatCatalogue {

    /**
     * @param name      the threat's name
     * @param type      its type, as the plugin's schemas name them
     * @param weight    how common it is, relative to the others
     * @param fileNames names of files that carry it
     * @param inMemory  whether it lives in a boot sector rather than in a file
     */
    record Threat(String name, String type, int weight, List<String> fileNames, boolean inMemory) {
    }

    static final List<Threat> THREATS = List.of(
            new Threat("not-a-virus:HEUR:AdWare.Win32.Agent.gen", "adware", 15,
                    List.of("toolbar_setup.exe", "free_pdf_converter.exe", "video_downloader_setup.exe"), false),
            new Threat("HEUR:Trojan.Win32.Generic", "trojan", 14,
                    List.of("invoice_2026_11.pdf.exe", "setup_crack.exe", "scan0042.scr"), false),
            new Threat("not-a-virus:RiskTool.Win32.BitCoinMiner.gen", "riskware", 10,
                    List.of("xmrig.exe", "svchost32.exe"), false),
            new Threat("HEUR:Trojan.Script.Phishing.gen", "phishing", 8,
                    List.of("microsoft365_login.html", "payment_confirmation.htm"), false),
            new Threat("Trojan-Downloader.JS.Agent.gen", "trojan", 8,
                    List.of("order_documents.js", "delivery_notice.js"), false),
            new Threat("EICAR-Test-File", "virus", 6, List.of("eicar.com", "eicar_com.zip"), false),
            new Threat("Exploit.MSOffice.CVE-2017-11882.gen", "exploit", 6,
                    List.of("quotation_request.rtf", "purchase_order.doc"), false),
            new Threat("HEUR:Trojan-PSW.Win32.Stealer.gen", "spyware", 6,
                    List.of("chrome_update.exe", "discord_nitro.exe"), false),
            new Threat("HEUR:Trojan.Linux.Agent.gen", "trojan", 5, List.of(".x86_64", "kworkerd"), false),
            new Threat("Backdoor.Linux.Mirai.b", "backdoor", 4, List.of("mirai.arm7", ".bot.x86"), false),
            new Threat("Worm.VBS.Dunihi.gen", "worm", 4, List.of("usb_backup.vbs", "photos.vbs"), false),
            new Threat("Trojan-Ransom.Win32.Crypren.gen", "ransomware", 3,
                    List.of("decrypt_instructions.exe", "windows_update_kb.exe"), false),
            new Threat("Rootkit.Boot.Cidox.b", "rootkit", 2, List.of(), true));

    private static final int TOTAL_WEIGHT = THREATS.stream().mapToInt(Threat::weight).sum();

    private ThreatCatalogue() {
    }

    static Threat pick(Random random) {
        int roll = random.nextInt(TOTAL_WEIGHT);
        for (Threat threat : THREATS) {
            roll -= threat.weight();
            if (roll < 0) {
                return threat;
            }
        }
        throw new IllegalStateException("weights do not add up");
    }
}
