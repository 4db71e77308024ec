//! What a politician does: draft, correct and submit member proposals, and approve the
//! minutes they sign.

pub mod minutes;
pub mod proposals;

route_table!("";
    get "/meetings/{id}/minutes/draft" => minutes::draft;
    post "/meetings/{id}/minutes/draft" => minutes::approve;
    get "/proposals/new" => proposals::new_form;
    post "/proposals/new" => proposals::create;
    post "/proposals/new/paste" => proposals::paste;
    get "/proposals/{id}/edit" => proposals::edit_form;
    post "/proposals/{id}/edit" => proposals::update;
    post "/proposals/{id}/submit" => proposals::submit;
    post "/proposals/{id}/withdraw" => proposals::withdraw;
    post "/proposals/{id}/delete" => proposals::delete;
    get "/proposals/{id}/versions" => proposals::compare;
    get "/my/proposals" => proposals::mine;
);
