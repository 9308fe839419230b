/** 「施策・事業グループ（オペレーション系施策）」: a group, with its kind where it has kinds. */
export const categoryName = (groupName: string, kindName: string | null | undefined): string => (kindName ? `${groupName}（${kindName}）` : groupName);
