/** "billing, vip ,," → ["billing", "vip"]: how admins type skills (the Persian comma counts too). */
export const splitCommaList = (text: string): string[] => text.split(/[,،]/).map((item) => item.trim()).filter(Boolean);
