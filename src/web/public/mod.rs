//! What everyone reads: the front page, meetings and their documents, cases, public
//! proposals and overviews, letters, subscriptions, and the login.

pub mod account;
pub mod documents;
pub mod followup;
pub mod letters;
pub mod pages;
pub mod subscriptions;

route_table!("";
    get "/" => pages::index;
    get "/meetings/{id}" => pages::meeting;
    get "/meetings/{id}/agenda.pdf" => documents::agenda_pdf;
    get "/meetings/{id}/minutes.pdf" => documents::minutes_pdf;
    get "/meetings/{id}/attachments/{attachment}" => documents::attachment;
    get "/meetings/{id}/meeting.ics" => documents::meeting_ics;
    get "/organizations/{id}/meetings.ics" => documents::organization_ics;
    get "/organizations/{id}/feed.atom" => documents::organization_feed;
    get "/organizations/{id}/subscribe" => subscriptions::form;
    post "/organizations/{id}/subscribe" => subscriptions::subscribe;
    get "/subscriptions/confirm/{token}" => subscriptions::confirm_form;
    post "/subscriptions/confirm/{token}" => subscriptions::confirm;
    get "/subscriptions/unsubscribe/{token}" => subscriptions::unsubscribe_form;
    post "/subscriptions/unsubscribe/{token}" => subscriptions::unsubscribe;
    get "/proposals/follow-up" => followup::in_follow_up;
    get "/proposals/completed" => followup::completed;
    get "/proposals/{id}" => pages::proposal;
    get "/letters/{file}" => letters::pdf;
    get "/letters/{id}/original" => letters::original;
    get "/organizations/{id}/logo" => letters::logo;
    get "/logo" => letters::site_logo;
    get "/cases/{reference}" => pages::case;
    get "/healthz" => pages::healthz;
    get "/login" => account::login_form;
    post "/login" => account::login;
    get "/logout" => account::logout_form;
    post "/logout" => account::logout;
    get "/password/reset/{token}" => account::password_form;
    post "/password/reset/{token}" => account::password_set;
    get "/password/forgot" => account::forgot_form;
    post "/password/forgot" => account::forgot;
    get "/account/password" => account::change_form;
    post "/account/password" => account::change;
    get "/assets/{path:.*}" => crate::web::assets::serve;
);
