/** How a proposal is named in lists: its number, and its title when the reader may see it. */
export const proposalName = (id: number, title: string | null) => (title ? `No.${id} ${title}` : `No.${id}（件名はPTリーダーの承認後に表示）`);
